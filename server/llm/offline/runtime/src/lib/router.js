// Hash routing ("#/tasks") so the app works under any path prefix without server rewrites.
export function currentPath() {
  const hash = window.location.hash;
  if (!hash || hash === "#") return "/";
  // Plain anchors such as the skip link ("#main") are not routes.
  if (!hash.startsWith("#/")) return null;
  return decodeURIComponent(hash.slice(1).split("?")[0]) || "/";
}

export function startRouter(onRoute) {
  const handle = () => {
    const path = currentPath();
    if (path !== null) onRoute(path);
  };
  window.addEventListener("hashchange", handle);
  handle();
}

export function hrefFor(path) {
  return "#" + path;
}
