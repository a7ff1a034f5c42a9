"use client";

import { Printer } from "lucide-react";
import { buttonStyles } from "@/components/ui/styles";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={`${buttonStyles.primary} print:hidden`}>
      <Printer aria-hidden className="size-4" /> Print
    </button>
  );
}
