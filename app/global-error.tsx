"use client";

// Last resort when the root layout itself fails: no providers are available, so plain French
// with an English line.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="fr">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", background: "#fbf7f2", color: "#2b2118" }}>
        <h1>Le site rencontre un problème</h1>
        <p>Réessayez dans quelques instants. Si cela continue, prévenez l&apos;équipe Pro&apos;pulse.</p>
        <p lang="en">Something went wrong. Please try again in a moment.</p>
        <button type="button" onClick={reset} style={{ padding: "0.6rem 1rem", marginTop: "1rem" }}>
          Réessayer
        </button>
      </body>
    </html>
  );
}
