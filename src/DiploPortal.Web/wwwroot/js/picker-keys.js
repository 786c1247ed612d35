// Enter in a picker (an element marked data-picker) picks the highlighted item; it must never submit the
// form around it, which is the browser's default for Enter in a text box. The picker's own key handling
// still sees the key: only the browser's default action is prevented. A file, as the CSP allows no inline script.
(() => {
  "use strict";

  document.addEventListener(
    "keydown",
    (event) => {
      if ((event.key === "Enter" || event.key === "NumpadEnter") && event.target instanceof Element && event.target.closest("[data-picker]")) {
        event.preventDefault();
      }
    },
    true,
  );
})();
