import { fillPlaceholders, placeholdersIn, placeholderLabel } from "@/lib/templates/fill-placeholders";

/**
 * How a template is named in lists: "Production release: {{feature}} {{version}}" reads as
 * "Production release" (the placeholders name what the form asks for, not the template).
 */
export function readableTemplateName(title: string): string {
  const names = placeholdersIn(title);
  const withoutPlaceholders = fillPlaceholders(title, Object.fromEntries(names.map((name) => [name, "\u0000"])))
    .split("\u0000")
    .join(" ")
    .split(/\s+/)
    .filter((word) => word !== "")
    .join(" ");
  // Punctuation that only led into the placeholders ("release: ", "release —") goes with them.
  let end = withoutPlaceholders.length;
  while (end > 0 && ":-–—,(/".includes(withoutPlaceholders.charAt(end - 1)) || (end > 0 && withoutPlaceholders.charAt(end - 1) === " ")) end -= 1;
  const readable = withoutPlaceholders.slice(0, end);
  return readable !== "" ? readable : readableTemplateDescription(title) || "Untitled template";
}

/** The first line of a template's description, placeholders shown as ‹their label›. */
export function readableTemplateDescription(text: string): string {
  const firstLine = text.split("\n").find((line) => line.trim() !== "") ?? "";
  const names = placeholdersIn(firstLine);
  return fillPlaceholders(firstLine, Object.fromEntries(names.map((name) => [name, `‹${placeholderLabel(name).toLowerCase()}›`]))).trim();
}
