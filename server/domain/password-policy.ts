export const PASSWORD_MIN_LENGTH = 8;
const MAX_LENGTH = 128;

/** Character classes counted by the policy: upper, lower, digit, other (symbol or non-ASCII). */
export function passwordClassCount(password: string): number {
  let classes = 0;
  if (/[A-Z]/.test(password)) classes++;
  if (/[a-z]/.test(password)) classes++;
  if (/[0-9]/.test(password)) classes++;
  if (/[^A-Za-z0-9]/.test(password)) classes++;
  return classes;
}

/** 等保三级 password rule: at least 8 characters from at least 3 of 4 classes, not the username. */
export function checkPasswordPolicy(
  password: string,
  username?: string,
): "ok" | "too_short" | "too_long" | "too_simple" | "contains_username" {
  if (password.length < PASSWORD_MIN_LENGTH) return "too_short";
  if (password.length > MAX_LENGTH) return "too_long";
  if (passwordClassCount(password) < 3) return "too_simple";
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return "contains_username";
  }
  return "ok";
}
