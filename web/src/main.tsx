import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { handleUnauthorized } from "./api/auth";
import { setUnauthorizedHandler } from "./api/client";
import { AppProviders } from "./components/AppProviders";
import { i18nReady } from "./i18n";
import { router } from "./router";
import "./global.css";

setUnauthorizedHandler(handleUnauthorized);

// The service worker makes the field app open offline (web/sw.js); only in the built app, not in dev.
if ("serviceWorker" in navigator && import.meta.env.PROD) {
  window.addEventListener("load", () => void navigator.serviceWorker.register("/sw.js").catch(() => {}));
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");

void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  ),
);
