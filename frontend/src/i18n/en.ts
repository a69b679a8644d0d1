// English texts of every page, the player's included: the reference catalog (bundled, the
// fallback). Texts only the host, projector and admin pages show are in en-staff.ts, so the
// player never downloads them. Every other language has exactly these keys
// (frontend/test/i18n-keys.test.ts checks it, and that each key is used). `{name}` is a placeholder; an object is a plural message whose form
// is picked from `count` by `Intl.PluralRules` (`format.ordinal` uses the ordinal rules).
// Answers are the host's own text and never go through here.

/** The plural forms of one message; `other` is always present. */
export type PluralMessage = { [form in Intl.LDMLPluralRule]?: string } & { other: string };
export type Message = string | PluralMessage;

const en = {
  "lang.label": "Language",

  "format.ordinal": { one: "{n}st", two: "{n}nd", few: "{n}rd", other: "{n}th" },

  "common.loading": "Loading…",
  "common.you": "(you)",
  "common.points": { one: "{count} point", other: "{count} points" },
  "common.pointsShort": { one: "{count} pt", other: "{count} pts" },

  "category.color": "Colour",
  "category.region": "Region",
  "category.grape_variety": "Grape variety",
  "category.vintage_year": "Vintage",
  "category.wine_name": "Wine name",

  "prompt.color": "What is the colour of this wine?",
  "prompt.region": "Which region does this wine come from?",
  "prompt.grape_variety": "What is the grape variety of this wine?",
  "prompt.vintage_year": "What is the vintage of this wine?",
  "prompt.wine_name": "Which wine is this?",

  "end.host_ended": "The host ended the tasting.",
  "end.completed": "The tasting is over. Cheers!",
  "end.host_timeout": "The host did not come back, so the tasting ended.",
  "end.expired": "This tasting expired.",
  "end.deleted": "The host deleted this tasting.",

  "error.SESSION_NOT_FOUND": "There is no tasting with this code. Check the code with your host.",
  "error.GAME_STARTED": "This tasting has already started, so new players cannot join.",
  "error.SESSION_FULL": "This tasting is full.",
  "error.INVALID_HOST_KEY": "This browser is not the host of this tasting.",
  "error.INVALID_REJOIN": "Your place could not be restored. Join again with the code.",
  "error.NOT_HOST": "Only the host can do that.",
  "error.NOT_PARTICIPANT": "Join the tasting first.",
  "error.INVALID_PHASE": "That is not possible at this point of the game.",
  "error.NO_PARTICIPANTS": "Wait until at least one player has joined.",
  "error.INVALID_TASTING": "The tasting has mistakes: see the marked fields.",
  "error.ANSWERS_CLOSED": "Too late: answers are closed for this question.",
  "error.UNKNOWN_QUESTION": "This question is no longer open.",
  "error.UNKNOWN_OPTION": "That answer is not one of the options.",
  "error.INVALID_MESSAGE": "The server did not understand the request. Reload the page.",
  "error.MESSAGE_TOO_LARGE": "That is too large to send.",
  "error.RATE_LIMITED": "Too many requests at once. Wait a moment and try again.",
  "error.ALREADY_IDENTIFIED": "This connection has already joined the tasting.",
  "error.UNKNOWN_PARTICIPANT": "There is no such player in this tasting.",
  "error.SESSION_ENDED": "This tasting is over.",
  "error.TOO_MANY_CONNECTIONS": "This tasting has too many connections right now. Try again in a moment.",
  "error.UNAUTHORIZED": "Not signed in, or the key is not right.",
  "error.FORBIDDEN": "You are not allowed to do that.",
  "error.NOT_FOUND": "Not found.",
  "error.METHOD_NOT_ALLOWED": "That action is not supported.",
  "error.BAD_REQUEST": "The request was not valid.",
  "error.PAYLOAD_TOO_LARGE": "That is too large to send.",
  "error.CONFLICT": "That cannot be done right now (a limit is reached or it is in use). Try again in a moment.",
  "error.INTERNAL": "The server had a problem. Try again in a moment.",
  "error.NETWORK": "The server could not be reached. Check your connection.",
  "error.status": "Something went wrong (error {status}). Try again.",
  "error.unknown": "Something went wrong. Try again.",

  "code.label": "Tasting code",
  "code.invalid": "Enter the 4 digits of the code.",

  "conn.reconnecting": "Reconnecting… your place is kept.",
  "conn.replaced": "This seat is now open in another tab or on another device.",
  "conn.useHere": "Use it here",
  "conn.connecting": "Connecting…",

  "copy.link": "Copy link",
  "copy.done": "Copied",
  "copy.failed": "Copy failed",
  "copy.announce": "Copied to the clipboard",

  "countdown.paused": "paused",
  "countdown.unit": "sec",
  "countdown.pausedAnnounce": "Timer paused",
  "countdown.tenLeft": "10 seconds left",
  "countdown.timeUp": "Time is up",

  "dist.label": "Answers per option",
  "dist.correct": "Correct",
  "dist.chose": { one: "{count} of {total} chose this answer", other: "{count} of {total} chose this answer" },

  "board.title": "Leaderboard",
  "board.empty": "No scores yet.",
  "board.rank": "Rank",

  "podium.label": "Podium",

  "wineCard.label": "The wine was {name}",
  "wineCard.kicker": "Revealed",
  "wineCard.kickerNumbered": "Wine {n} of {total} · revealed",

  "home.title": "Blind tasting, live.",
  "home.intro": "Pour, sip, guess the colour, region, grape, vintage and wine. Everyone answers on their phone; the leaderboard tells who has the nose.",
  "home.joinTitle": "Join a tasting",
  "home.joinIntro": "Got a code from your host?",
  "home.join": "Join",
  "home.hostTitle": "Host a tasting",
  "home.hostIntro": "Build your wines, show the code on a TV, and run the night from your laptop or phone.",
  "home.host": "Host a tasting",

  "common.cancel": "Cancel",
  "common.untitled": "Untitled tasting",
  "common.tasting": "Tasting {code}",
  "common.seconds": { one: "{count} second", other: "{count} seconds" },
  "common.secondsShort": "{count} s",
  "play.joining": "Joining…",
  "play.enterIntro": "Type the 4-digit code shown on the host's screen.",
  "play.locked": "This tasting is not taking new players right now.",
  "play.defaultTitle": "Blind tasting",
  "play.waiting": { one: "{count} player waiting.", other: "{count} players waiting." },
  "play.join": "Join the tasting",
  "play.otherCode": "Use another code",
  "play.kickedTitle": "You were removed",
  "play.leftTitle": "You left the tasting",
  "play.errorTitle": "Can't join",
  "play.kickedText": "The host removed you from this tasting.",
  "play.leftText": "Your seat is free again. Thanks for tasting with us!",
  "play.tryOther": "Try another code",
  "play.switchTitle": "Switch seats?",
  "play.switchText": "This link holds the seat of {incoming}. This browser already plays this tasting as {stored}.",
  "play.switchHint": "Only switch if the link is your own, from your other device. You can switch back later.",
  "play.keepAs": "Keep playing as {name}",
  "play.switchTo": "Switch to {name}",
  "play.alsoHolds": "This browser also holds the seat of {name}.",
  "play.switchBack": "Switch back to {name}",
  "play.lookingUp": "Looking up tasting {code}…",
  "play.in": "You're in!",
  "play.nameTonight": "Your name tonight",
  "play.joined": { one: "{count} player has joined", other: "{count} players have joined" },
  "play.max": "(max\u00a0{max})",
  "play.waitingStart": "Waiting for the host to start…",
  "play.leave": "Leave this tasting",
  "play.otherDevice": "Continue on another device",
  "play.otherDeviceHint": "Open this private link on your other device to keep your seat and score. Don't share it.",
  "play.rejoinLink": "Your private rejoin link",
  "play.copyPrivate": "Copy private link",
  "play.progressSr": "Wine {wine} of {wines}, question {question} of {questions}",
  "play.progress": "Wine {wine}/{wines} · Question {question}/{questions}",
  "play.yourAnswer": "Your answer",
  "play.received": "Answer received. You can change it until time is up.",
  "play.sending": "Sending your answer…",
  "play.tap": "Tap an answer.",
  "play.paused": "Paused",
  "play.pausedText": "The host paused the timer. Answers are on hold.",
  "play.right": "Correct!",
  "play.near": "So close!",
  "play.wrong": "Not this time",
  "play.none": "No answer",
  "play.gained": { one: "+{count} point", other: "+{count} points" },
  "play.answerWas": "The answer was {answer}.",
  "play.youAnswered": "You answered {answer}.",
  "play.total": { one: "Total: {count} point", other: "Total: {count} points" },

  "play.hostAway": "The host is away for a moment. Stay here, the game will continue.",

  "play.noSuchCode": "There is no tasting with code {code}. Check the code with your host.",

  "play.afterWine": "After wine {n} of {total}",
  "play.afterQuestion": "Wine {n} · after question {q} of {total}",
  "play.roundBoard": "Round leaderboard",
  "play.youAre": { one: "You are {place} with {count} point", other: "You are {place} with {count} points" },
  "play.behind": { one: "{count} point behind {place}", other: "{count} points behind {place}" },
  "play.waitingHost": "Waiting for the host…",
  "play.finalResults": "Final results",
  "play.medal1": "Gold medal",
  "play.medal2": "Silver medal",
  "play.medal3": "Bronze medal",
  "play.finished": "You finished {place}",
  "play.placeOf": "{place} of {total}",
  "play.finalBoard": "Final leaderboard",
  "play.hostOwn": "Host your own tasting",
  "play.over": "Tasting over",
  "play.ended": "This tasting has ended.",
  "play.joinAnother": "Join another tasting",

  "board.up": { one: "up {count} place", other: "up {count} places" },
  "board.down": { one: "down {count} place", other: "down {count} places" },

  "error.UNSUPPORTED_MEDIA_TYPE": "The server expected JSON for this request.",
  "error.SERVICE_UNAVAILABLE": "The service is unavailable right now. Try again in a moment.",

  "error.SESSION_LOCKED": "The host has closed this tasting to new players.",
  "error.CODES_EXHAUSTED": "No tasting code is free right now. Try again in a moment.",
} satisfies Record<string, Message>;

export type PlayerKey = keyof typeof en;
/** One language's texts of every page (the player's part). */
export type Messages = Record<PlayerKey, Message>;

export default en;
