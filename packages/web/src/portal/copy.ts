/**
 * Everything the portal says to patients, in one place so a test can hold each text to a reading
 * grade of 8 or below (Flesch–Kincaid; see copy.test.ts). Short sentences, common words.
 */
export const copy = {
  signInIntro: "Answer short questions about your back pain for your care team.",
  firstTime: "First time here? Open the link in the e-mail from your clinic to set your password.",
  welcome: (clinic: string) =>
    `${clinic} has invited you to your patient portal. Here you answer short questions about your back pain, before and after treatment.`,
  passwordHint: "At least 12 characters. A short sentence is easy to remember.",
  passwordMismatch: "The two passwords are not the same.",
  linkUsed: "This link has expired or was already used. Ask your clinic to send you a new one.",
  linkIncomplete:
    "The link is not complete. Open the link in your e-mail again, or ask your clinic for a new one.",
  linkCheckFailed: "We could not check your link. Please try again in a moment.",
  linkOnce: (date: string) => `This link works once, until ${date}.`,
  homeIntro: (clinic: string) => `Your answers help ${clinic} see how your back is doing.`,
  answerBy: (date: string) => `Please answer by ${date}.`,
  dueSummary: (count: number) =>
    `${count === 1 ? "One short set of questions" : `${count} short sets of questions`} about your back pain and your daily life. It takes about 5 minutes.`,
  nothingDue: "Nothing to do right now",
  allDone: "Thank you, you are all done",
  nextByEmail: "We will send you an e-mail when your next questions are ready.",
  chooseAnswer: "Please choose an answer.",
  maySkip: "You can skip this one if you like.",
  reviewIntro: "You can change any answer before you send them.",
  thanks: "Your answers were sent to your care team.",
  notOpen: "It may be done already, or it is not time for it yet.",
  notSent: "Your answers were not sent. Please try again.",
} as const;
