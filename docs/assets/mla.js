/* MLA-C01 study guide: the project's one script. Enhances the no-JS markup. */
(function () {
  "use strict";

  /* Mermaid: Material renders diagrams with window.mermaid when it exists and
     otherwise fetches it from a CDN. This stand-in loads the pinned copy served
     by the site itself, and only on pages that have a diagram. */
  var mermaidSrc = (document.currentScript && document.currentScript.src || "")
    .replace(/assets\/mla\.js.*$/, "assets/vendor/mermaid.min.js");
  var mermaidReady = null;
  var mermaidConfig = null;
  function realMermaid() {
    if (!mermaidReady) {
      mermaidReady = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = mermaidSrc;
        script.onload = function () {
          window.mermaid.initialize(mermaidConfig || { startOnLoad: false });
          resolve(window.mermaid);
        };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return mermaidReady;
  }
  if (typeof window.mermaid === "undefined") {
    window.mermaid = {
      initialize: function (config) { mermaidConfig = config; },
      render: function (id, text) {
        return realMermaid().then(function (m) { return m.render(id, text); });
      }
    };
  }
})();
