/**
 * Domain rules shared with the server (ARCHITECTURE.md: one language front and back): the USCC check
 * digit, the permit-number shape and WKT/GeoJSON parsing are the same code the API runs.
 */
export { parseGeometryText, toWkt } from "../../../server/domain/geometry-text";
export { checkPermitNumber, checkUscc, type UsccProblem } from "../../../server/domain/uscc";
