import { THEME_STORAGE_KEY } from "~/lib/stores/ui-store";

// Runs before first paint so a dark-mode user never sees a white flash.
const script = `(function(){try{var s=JSON.parse(localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)})||"{}");var t=(s.state&&s.state.theme)||"system";var d=t==="dark"||(t==="system"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;

/** `nonce` is this response's CSP nonce (proxy.ts): without it the policy blocks inline scripts. */
export function ThemeScript({ nonce }: { nonce?: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
