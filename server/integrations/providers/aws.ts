// AWS: an access key pair, the region and bucket the sites go to, and optionally a CloudFront
// distribution to invalidate. Verified with HeadBucket (the key can reach the bucket).
import type { ProviderAdapter } from "../credentials";
import { verifyAws } from "../../deployments/targets/s3-target";

export const awsAdapter: ProviderAdapter<"AWS"> = { provider: "AWS", verify: verifyAws };
