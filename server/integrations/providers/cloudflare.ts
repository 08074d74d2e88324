// Cloudflare: an API token ("Workers Scripts: Edit" and "Account Settings: Read") and the account
// id. Verified with GET /user/tokens/verify, then the account is looked up.
import type { ProviderAdapter } from "../credentials";
import { verifyCloudflare } from "../../deployments/targets/cloudflare-target";

export const cloudflareAdapter: ProviderAdapter<"CLOUDFLARE"> = { provider: "CLOUDFLARE", verify: verifyCloudflare };
