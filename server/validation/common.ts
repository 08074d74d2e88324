import { z } from "zod";

/** Ids are Prisma cuids; anything else is refused before it reaches the database. */
export const ZId = z.cuid({ message: "Invalid id" });

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }).max(254, "Email is too long"));

export const ZPassword = z
  .string()
  .min(8, "Password must be at least 8 characters")
  .max(128, "Password must be at most 128 characters");

export const ZDisplayName = z.string().trim().min(1, "Name cannot be empty").max(80, "Name must be at most 80 characters");

/** A timestamp in an API answer: a Date on the server, an ISO 8601 string on the wire. */
export const ZDateTime = z.date().meta({ override: { type: "string", format: "date-time" } });
