import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { CheckerApp } from "./CheckerApp";

// The page's inline check (too-old.js) reads this mark: a browser that could not run this script never sets it.
document.documentElement.setAttribute("data-checker", "started");

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <CheckerApp />
    </StrictMode>,
  );
}
