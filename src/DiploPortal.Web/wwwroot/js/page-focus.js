// The focus after a navigation (Components/Layout/PageFocus.razor): the new page's heading, unless the person
// is already somewhere. A page first opened takes it only when nothing has the focus (a person may have
// clicked into a field before the circuit's first render came back); a page navigated to takes it unless the
// focus is already inside its main content.
window.portalFocus = {
  heading(selector, opened) {
    const active = document.activeElement;
    const nowhere = active === null || active === document.body;
    if (!nowhere && (opened || active.closest("main") !== null)) {
      return;
    }

    const heading = document.querySelector(selector);
    if (heading) {
      if (!heading.hasAttribute("tabindex")) {
        heading.tabIndex = -1;
      }

      heading.focus({ preventScroll: true });
    }
  },
};
