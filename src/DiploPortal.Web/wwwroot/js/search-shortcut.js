// The search box's keyboard shortcut: "/" (when not typing in a field) or Ctrl+K / Cmd+K focuses it.
// A file rather than inline script because the Content-Security-Policy allows scripts from the portal only.
// The box is looked up on each key press: Blazor re-renders the app bar, and pages without it are fine.
(() => {
  "use strict";

  const isTyping = (target) =>
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey) {
      return;
    }

    const box = document.getElementById("portal-search");
    if (!box) {
      return;
    }

    const commandK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k";
    const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !isTyping(event.target);
    if (commandK || slash) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });
})();
