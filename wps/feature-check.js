/*
 * 预算公开助手：启动时的功能检查。Plain ES5, put by the build in front of main.js and js/taskpane.js, so that it
 * runs in any engine WPS ships. It lists the browser features the add-in needs that this engine lacks in
 * window.YS_MISSING_FEATURES. Where one is missing, the task pane shows a Chinese message instead of a blank
 * page, and the ribbon's buttons show the same message (main.js then registers nothing else).
 */
(function (w) {
  function has(test) {
    try {
      return Boolean(test());
    } catch (e) {
      return false;
    }
  }
  var checks = [
    ["Promise", function () { return typeof Promise === "function" && typeof Promise.prototype["finally"] === "function"; }],
    ["Map、Set、WeakMap", function () { return typeof Map === "function" && typeof Set === "function" && typeof WeakMap === "function"; }],
    ["Symbol.iterator", function () { return typeof Symbol === "function" && typeof Symbol.iterator === "symbol"; }],
    ["Proxy", function () { return typeof Proxy === "function"; }],
    ["Object.assign、Object.entries、Object.values", function () { return typeof Object.assign === "function" && typeof Object.entries === "function" && typeof Object.values === "function"; }],
    ["Object.fromEntries", function () { return typeof Object.fromEntries === "function"; }],
    ["Array.from、Array.prototype.includes", function () { return typeof Array.from === "function" && typeof [].includes === "function"; }],
    ["Array.prototype.flat、flatMap", function () { return typeof [].flat === "function" && typeof [].flatMap === "function"; }],
    ["String.prototype.padStart、includes", function () { return typeof "".padStart === "function" && typeof "".includes === "function"; }],
    ["String.prototype.matchAll", function () { return typeof "".matchAll === "function"; }],
    ["Uint8Array、TextDecoder", function () { return typeof Uint8Array === "function" && typeof w.TextDecoder === "function"; }],
    ["FileReader", function () { return typeof w.FileReader === "function"; }]
  ];
  var missing = [];
  for (var i = 0; i < checks.length; i++) if (!has(checks[i][1])) missing.push(checks[i][0]);
  w.YS_MISSING_FEATURES = missing;
  if (missing.length === 0) return;

  var message =
    "预算公开助手不能在这个 WPS 版本的浏览器内核中运行：缺少 " + missing.join("、") +
    "。请升级 WPS Office（建议 12.1 或更高版本），或把这段文字发给信息技术部门。";
  w.YS_UNSUPPORTED_MESSAGE = message;

  // The ribbon (main.js): each button explains instead of doing nothing.
  w.OnAddinLoad = function () { return true; };
  w.OnAction = function () {
    try { w.alert(message); } catch (e) { /* no dialog on this page */ }
    return true;
  };
  w.GetImage = function () { return "images/icon-32.png"; };

  // The task pane: the message where the pane would be.
  function show() {
    var doc = w.document;
    var container = doc && doc.getElementById ? doc.getElementById("container") : null;
    if (!container) return;
    while (container.firstChild) container.removeChild(container.firstChild);
    var p = doc.createElement("p");
    p.setAttribute("role", "alert");
    p.style.cssText = "margin:16px;font-family:'Microsoft YaHei',sans-serif;";
    p.appendChild(doc.createTextNode(message));
    container.appendChild(p);
  }
  if (w.document && w.document.getElementById && w.document.getElementById("container")) show();
  else if (w.addEventListener) w.addEventListener("DOMContentLoaded", show);
})(window);
