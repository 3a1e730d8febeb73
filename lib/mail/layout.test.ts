import { describe, expect, it } from "vitest";
import { renderMailLayout, type MailContent } from "./layout";

const content: MailContent = {
  locale: "fr",
  subject: "Camille <script> a relu votre CV",
  preheader: "Un retour vous attend",
  greeting: "Bonjour Inès,",
  blocks: [
    { type: "paragraph", text: "Voici ce qui s'est passé & ce qui vous attend." },
    {
      type: "section",
      heading: "Réponses",
      items: [
        {
          title: "Mon CV",
          url: "https://propulse.example/c/cv/1-mon-cv#post-2",
          meta: "Par Camille",
          excerpt: "Bravo",
        },
        { title: "Piège", url: "javascript:alert(1)" },
      ],
    },
    { type: "action", label: "Lire le retour", url: "https://propulse.example/c/cv/1-mon-cv" },
  ],
  footer: {
    reason: "Vous recevez cet e-mail parce qu'on a relu votre CV.",
    unsubscribeLabel: "Ne plus recevoir ces e-mails",
    unsubscribeUrl: "https://propulse.example/unsubscribe?token=abc",
    settingsLabel: "Choisir mes notifications",
    settingsUrl: "https://propulse.example/settings/notifications",
    signature: "L'équipe Pro'pulse",
  },
};

describe("renderMailLayout", () => {
  const { html, text } = renderMailLayout(content);

  it("declares the language and escapes every text", () => {
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Camille &lt;script&gt; a relu votre CV");
    expect(html).not.toContain("<script>");
    expect(html).toContain("ce qui s&#39;est passé &amp; ce qui vous attend");
  });

  it("keeps only web links", () => {
    expect(html).toContain('href="https://propulse.example/c/cv/1-mon-cv#post-2"');
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="#"');
  });

  it("shows the unsubscribe link as text, in both parts", () => {
    expect(html).toMatch(
      /<a href="https:\/\/propulse\.example\/unsubscribe\?token=abc"[^>]*>Ne plus recevoir ces e-mails<\/a>/,
    );
    expect(text).toContain("Ne plus recevoir ces e-mails : https://propulse.example/unsubscribe?token=abc");
  });

  it("says the same in the text part, with each link spelled out", () => {
    expect(text).toContain("Bonjour Inès,");
    expect(text).toContain("* Mon CV\n  Par Camille\n  Bravo\n  https://propulse.example/c/cv/1-mon-cv#post-2");
    expect(text).toContain("Lire le retour : https://propulse.example/c/cv/1-mon-cv");
    expect(html).not.toMatch(/<img/i);
  });

  it("uses English punctuation in English", () => {
    const english = renderMailLayout({ ...content, locale: "en" });
    expect(english.html).toContain('<html lang="en">');
    expect(english.text).toContain("Lire le retour: https://");
  });
});
