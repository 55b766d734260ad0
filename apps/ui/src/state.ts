/**
 * The admin token: entered once, kept in this module's memory only (never in storage, cookies or
 * the URL), so closing or reloading the tab forgets it.
 */
let token = "";

export function adminToken(): string {
  return token;
}

export function setAdminToken(value: string): void {
  token = value.trim();
}
