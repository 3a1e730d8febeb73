/**
 * Frequently used passwords of 10+ characters (shorter ones are already refused by length),
 * drawn from public breach corpora, with French favourites. Compared case-insensitively.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "1234567890", "0123456789", "12345678910", "123456789a", "a123456789", "1234567890a",
  "qwertyuiop", "azertyuiop", "azertyuiop1", "qwertyuiop1", "1q2w3e4r5t", "1qaz2wsx3edc",
  "password123", "password1234", "password12", "passw0rd123", "motdepasse", "motdepasse1",
  "motdepasse123", "0987654321", "9876543210", "1111111111", "0000000000", "2222222222",
  "123123123123", "abcdefghij", "abcd123456", "abc1234567", "iloveyou12", "iloveyou123",
  "jetaime123", "jetaimejetaime", "soleil1234", "doudou1234", "chouchou123", "marseille13",
  "loulou1234", "football10", "football123", "princesse1", "nicolas1234", "bonjour123",
  "azerty1234", "azerty12345", "azerty123456", "azertyuiop123", "qwerty1234", "qwerty12345",
  "qwerty123456", "1234554321", "1234512345", "12341234", "letmein123", "welcome123",
  "administrator", "changeme123", "trustno1234", "sunshine123", "superman123", "starwars123",
  "dragon1234", "monkey1234", "shadow1234", "michael123", "baseball123", "pokemon123",
  "liverpool1", "chocolate1", "basketball", "passwordpassword", "lovelylove", "computer123",
  "internet123", "propulse123", "propulse2026", "communaute", "motdepasse2026",
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
