// What an offline, single-browser app cannot do, by the words people ask for it with. Each such
// ask becomes an "unsupported" requirement with the reason, never silence, and where an honest
// stand-in exists the app says what it does instead (`instead`, shown as a notice).

export type Capability = {
  id: string;
  /** Trigger patterns (understand/match-pattern.ts). */
  patterns: string[];
  /** What the user asked for, as a requirement's text. */
  text: string;
  reason: string;
  /** What the app does instead; omitted when there is no honest stand-in. */
  instead?: string;
};

export const capabilities: Capability[] = [
  {
    id: "live-prices",
    patterns: ["live|real-time|realtime|current|latest stock? price|prices|quote|quotes", "live|real-time|realtime|current|latest exchange? rate|rates", "live market data", "stock market feed"],
    text: "Live prices or rates from the internet",
    reason: "Live prices and rates need a network service; the app runs offline in the browser.",
    instead: "Prices and rates are entered by hand: live prices need a connection this app does not have.",
  },
  {
    id: "send-email",
    patterns: ["email|e-mail me|us|them|you|customer|client|guest", "email|e-mail a|an|the? reminder|reminders|notification|confirmation|summary|receipt", "send … email|emails|e-mail|newsletter", "mail me"],
    text: "Sending email",
    reason: "Sending email needs a mail server; the app runs only in the browser.",
    instead: "The app cannot send email: it shows reminders and warnings on screen instead.",
  },
  {
    id: "send-sms",
    patterns: ["text|sms me|us", "send … sms|text message|whatsapp", "sms"],
    text: "Sending text messages",
    reason: "Sending SMS needs a messaging service; the app runs only in the browser.",
    instead: "The app cannot send text messages: it lists who to contact instead.",
  },
  {
    id: "push",
    patterns: ["push notification|notifications", "notify me|us", "alert me|us", "remind me|us", "send … notification|notifications|alert|alerts|reminder|reminders"],
    text: "Notifications sent to you",
    reason: "Notifications outside the open app need a server and a push service.",
    instead: "The app cannot notify you when it is closed: what is due shows when you open it.",
  },
  {
    id: "payments",
    patterns: ["pay|payment|payments by|with card|cards|credit|stripe|paypal|apple", "pay|payment … at? checkout", "take|accept payment|payments|card|cards", "card payment|payments", "pay online"],
    text: "Taking card payments",
    reason: "Card payments need a payment provider and a server.",
    instead: "Orders are placed without payment: card payments need a payment provider this app does not have.",
  },
  {
    id: "ai-images",
    patterns: ["ai picture|pictures|image|images|photo|photos|art|illustration", "generate|generates|create|creates … picture|pictures|image|images|illustration", "ai-generated", "ai generated"],
    text: "AI-generated pictures",
    reason: "Generating pictures needs an AI image service; the app runs offline.",
    instead: "No pictures are generated: that needs an AI image service this app cannot reach.",
  },
  {
    id: "files",
    patterns: ["upload|attach … file|files|document|documents|pdf|video|videos"],
    text: "Files on records",
    reason: "The app keeps records and small photos in the browser; it cannot keep uploaded files or documents.",
    instead: "Files cannot be kept: the app stores text, numbers, dates and small photos only.",
  },
  {
    id: "accounts",
    patterns: ["login|logins|log-in", "log in", "sign in|up", "user account|accounts", "account|accounts for", "password protected", "password-protected", "multiple|several|different users", "each user"],
    text: "Accounts and sign-in for several people",
    reason: "Accounts need a server to keep users apart; this app has one user per browser.",
  },
  {
    id: "integrations",
    patterns: ["connect|connects|integrate|integrates|import|imports|sync|syncs to|with|from etsy|shopify|google|instagram|facebook|stripe|paypal|xero|quickbooks|calendar|spotify|strava|fitbit|bank"],
    text: "Connecting to another service",
    reason: "Connecting to other services needs their APIs and a server.",
  },
  {
    id: "location",
    patterns: ["gps", "map|maps of|with|showing", "track my location", "nearby", "directions to"],
    text: "Maps and location",
    reason: "Maps and location need online map services.",
  },
  {
    id: "camera-voice",
    patterns: ["scan|scans|scanning barcode|barcodes|receipt|receipts|qr", "voice|speech input|command|commands|recognition", "camera"],
    text: "Camera, scanning or voice input",
    reason: "Scanning and voice input are not part of the offline app runtime.",
  },
  {
    id: "online-orders",
    patterns: ["online ordering|orders|order|booking|bookings from customers|customer", "customers … order online", "orders? come|coming in"],
    text: "Orders from customers on their own devices",
    reason: "Orders from other people's devices need a server; this app keeps data in one browser.",
    instead: "Orders are kept on this device only: receiving them from customers' phones needs a server.",
  },
];
