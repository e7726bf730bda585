// ES5 on purpose, inline in checker.html (its hash is in the page's Content-Security-Policy): a browser too
// old for the checker (Internet Explorer, an old Chromium core of a 360 or QQ browser) is told so plainly
// instead of showing a blank page. Either it lacks what ES2017 brings, or the checker's script did not start.
(function () {
  var root = document.getElementById("root");
  function tooOld() {
    if (!root || document.getElementById("browser-too-old")) return;
    root.id = "browser-too-old";
    root.setAttribute("role", "alert");
    root.style.cssText = "font-family: sans-serif; padding: 16px; line-height: 1.6; max-width: 640px";
    root.innerHTML =
      '<h1 style="font-size: 18px">此浏览器版本过旧，无法运行填报文件检查</h1>' +
      "<p>请改用较新的 Chrome、Edge、Firefox，或 360、QQ 浏览器的极速模式（更新到最新版本）后重新打开本页。</p>" +
      '<h2 lang="en" style="font-size: 16px">This browser is too old for the report checker</h2>' +
      '<p lang="en">Open this page again in a current Chrome, Edge or Firefox, or in the fast (Chromium) mode ' +
      "of an up-to-date 360 or QQ browser.</p>";
  }
  var modern =
    typeof Promise !== "undefined" &&
    typeof Symbol === "function" &&
    typeof Object.entries === "function" &&
    typeof String.prototype.padStart === "function" &&
    typeof Array.prototype.includes === "function" &&
    typeof TextDecoder !== "undefined" &&
    typeof Uint8Array !== "undefined";
  if (!modern) return tooOld();
  // A browser that passes the checks but cannot parse the checker's script never marks the page started.
  window.addEventListener("load", function () {
    if (document.documentElement.getAttribute("data-checker") !== "started") tooOld();
  });
})();
