/**
 * A link standing on its own (a name in a table, "Télécharger…" under a chart) is a target of
 * 44 px on touch screens; links inside a sentence keep their line height (WCAG 2.5.8).
 */
export const tapTarget = "inline-flex items-center pointer-coarse:min-h-11";
