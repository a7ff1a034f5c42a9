import bcrypt from "bcryptjs";

// Cost 12 keeps a guess at ~0.25 s of CPU here while a sign-in stays quick.
const COST = 12;

// Compared against when the email is unknown, so a wrong email and a wrong password take
// the same time and the response does not reveal which accounts exist.
const DECOY_HASH = bcrypt.hashSync("preflight-decoy-password", COST);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  return bcrypt.compare(password, hash ?? DECOY_HASH).then((matches) => matches && Boolean(hash));
}
