/** The Content-Security-Policy previews are served with; generated apps must work under it. */
export { PREVIEW_CONTENT_SECURITY_POLICY as previewCsp } from "~/server/plan/target-stack";
