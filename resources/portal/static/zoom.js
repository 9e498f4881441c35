// Zoom and pan on an object's image: OpenSeadragon (resources/portal/static/vendor) is loaded
// only when a visitor asks to zoom, so the page itself stays light.
(function () {
  "use strict";
  var viewer = null;
  var box = document.getElementById("viewer");
  var opener = null;
  if (!box) { return; }

  function load(callback) {
    if (window.OpenSeadragon) { callback(); return; }
    var script = document.createElement("script");
    script.src = "/static/vendor/openseadragon/openseadragon.min.js";
    script.onload = callback;
    document.head.appendChild(script);
  }

  function close() {
    if (viewer) { viewer.destroy(); viewer = null; }
    box.hidden = true;
    box.querySelectorAll(".openseadragon-container").forEach(function (n) { n.remove(); });
    if (opener) { opener.focus(); }
  }

  document.querySelectorAll("button.zoom").forEach(function (button) {
    button.addEventListener("click", function () {
      opener = button;
      var source = button.getAttribute("data-zoom");
      load(function () {
        if (viewer) { viewer.destroy(); }
        box.hidden = false;
        viewer = window.OpenSeadragon({
          element: box, prefixUrl: "/static/vendor/openseadragon/images/",
          tileSources: { type: "image", url: source }, showNavigator: true,
          maxZoomPixelRatio: 2, gestureSettingsMouse: { clickToZoom: true }
        });
        viewer.addOnceHandler("open", function () { box.setAttribute("data-state", "open"); });
        box.scrollIntoView({ block: "nearest" });
        var canvas = box.querySelector(".openseadragon-canvas");
        if (canvas) { canvas.focus(); }
      });
    });
  });
  box.querySelector(".close-viewer").addEventListener("click", close);
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { close(); }
  });
}());
