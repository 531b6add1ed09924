import "i18next";
import type { Resource } from "./types";

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: Resource };
  }
}
