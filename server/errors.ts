import { formatShanghai } from "./domain/shanghai-time.ts";

/** One error type for the whole API: a stable code, an HTTP status, a Chinese and an English message. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(messageEn);
  }
}

export const notFound = () =>
  new AppError("not_found", 404, "记录不存在或无权访问", "Not found or not accessible");
export const unauthenticated = () => new AppError("unauthenticated", 401, "请先登录", "Please log in");
export const sessionExpired = () =>
  new AppError("session_expired", 401, "会话已过期，请重新登录", "Session expired, please log in again");
export const forbidden = () => new AppError("forbidden", 403, "无权执行此操作", "You may not do this");
export const invalidCredentials = () =>
  new AppError("invalid_credentials", 401, "用户名或密码错误", "Wrong username or password");
export const accountLocked = (lockedUntil: Date) =>
  new AppError(
    "account_locked",
    423,
    `登录失败次数过多，账户已锁定至 ${formatShanghai(lockedUntil)}`,
    `Too many failed logins; account locked until ${lockedUntil.toISOString()}`,
    { lockedUntil: lockedUntil.toISOString() },
  );
export const staleVersion = () =>
  new AppError(
    "stale_version",
    409,
    "数据已被他人修改，请刷新后重试",
    "The record changed since you loaded it; reload and retry",
  );
export const conflict = (messageZh: string, messageEn: string) =>
  new AppError("conflict", 409, messageZh, messageEn);
export const badRequest = (code: string, messageZh: string, messageEn: string, details?: unknown) =>
  new AppError(code, 400, messageZh, messageEn, details);

const WEAK_PASSWORD_ZH = "密码至少8位，且包含大写字母、小写字母、数字、符号中的至少三类，不得包含用户名";
export const weakPassword = (reason: string) =>
  badRequest(
    "weak_password",
    WEAK_PASSWORD_ZH,
    "Password needs 8+ characters from 3 of: upper case, lower case, digits, symbols; not the username",
    { reason },
  );

/** The request is well-formed but its content cannot be accepted (an invalid polygon, a bad import row). */
export const unprocessable = (code: string, messageZh: string, messageEn: string, details?: unknown) =>
  new AppError(code, 422, messageZh, messageEn, details);

/** A draft contract names its party A; once the lower grid has moved under another parent that text is wrong. */
export const contractParentChanged = () =>
  new AppError(
    "contract_parent_changed",
    409,
    "网格已调整上级，请由新的上级重新生成责任状",
    "The grid has moved under another parent; the new parent must generate a new contract",
  );

// Grid administration.
/** Bytes that claim to be a photo (by their first bytes) and do not decode as one. */
export const undecodableImage = () =>
  new AppError("undecodable_image", 422, "图片文件已损坏，无法识别", "The image could not be decoded");
export const gridManagedAbove = () =>
  new AppError(
    "grid_managed_above",
    403,
    "本网格由上级网格管理，您只能管理本辖区以下的网格",
    "This grid is administered by the level above; you manage the grids below your own",
  );
export const gridCodeTaken = (code: string) =>
  new AppError("grid_code_taken", 409, `网格编码 ${code} 已被使用`, `Grid code ${code} is already in use`);
export const gridRetired = () =>
  new AppError(
    "grid_retired",
    409,
    "该网格已撤销，不能再修改",
    "This grid is retired and can no longer change",
  );
