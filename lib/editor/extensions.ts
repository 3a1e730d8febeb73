import Mention from "@tiptap/extension-mention";
import StarterKit from "@tiptap/starter-kit";
import type { AnyExtension } from "@tiptap/core";

/**
 * The one extension list behind the editor and the server-side schema check. It enables
 * exactly what lib/editor/document.ts allows: bold, italic, inline code, links, headings
 * (levels 2 and 3), bullet and numbered lists, blockquotes, hard breaks and @mentions.
 */
export function baseExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        protocols: ["http", "https", "mailto"],
        HTMLAttributes: { rel: "nofollow ugc noopener", target: "_blank" },
      },
    }),
    Mention.configure({ HTMLAttributes: { class: "mention" } }),
  ];
}
