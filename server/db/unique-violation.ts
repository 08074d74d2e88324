/** Prisma's P2002: an insert or update hit a unique constraint (the same through both adapters). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
