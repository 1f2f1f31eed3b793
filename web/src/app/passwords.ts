/** The server's password rule (weak_password below it), checked in forms only to say so sooner. */
export const MIN_PASSWORD = 10;

export function tooShort(password: string): boolean {
  return password.length < MIN_PASSWORD;
}
