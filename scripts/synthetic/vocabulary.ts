/**
 * Words the synthetic catalogue is made of. They imitate what RapidAPI listings carry (names,
 * endpoint labels, JSON keys, error texts); the seed rows add their own on top (see seed.ts).
 */

/** Parts of JSON keys; new keys join one or two of them in the object's key style. */
export const KEY_WORDS = [
  'id', 'name', 'title', 'type', 'status', 'state', 'code', 'message', 'description', 'value', 'amount',
  'price', 'currency', 'total', 'count', 'page', 'limit', 'offset', 'items', 'data', 'result', 'results',
  'user', 'account', 'email', 'phone', 'number', 'country', 'city', 'region', 'address', 'street', 'zip',
  'latitude', 'longitude', 'location', 'created', 'updated', 'deleted', 'expires', 'date', 'time', 'timestamp',
  'url', 'link', 'image', 'thumbnail', 'avatar', 'video', 'audio', 'file', 'size', 'width', 'height',
  'duration', 'language', 'locale', 'timezone', 'score', 'rating', 'rank', 'level', 'category', 'tags',
  'label', 'source', 'target', 'sender', 'recipient', 'owner', 'author', 'vendor', 'brand', 'model', 'year',
  'version', 'product', 'order', 'invoice', 'payment', 'balance', 'credit', 'quota', 'remaining', 'used',
  'token', 'key', 'secret', 'session', 'request', 'response', 'error', 'errors', 'detail', 'details', 'reason',
  'latency', 'speed', 'temperature', 'humidity', 'wind', 'pressure', 'forecast', 'sunrise', 'sunset',
  'team', 'player', 'match', 'league', 'season', 'goals', 'odds', 'market', 'symbol', 'open', 'close',
  'high', 'low', 'volume', 'change', 'percent', 'ratio', 'rate', 'exchange', 'movie', 'genre', 'cast',
  'episode', 'artist', 'album', 'track', 'playlist', 'lyrics', 'recipe', 'ingredient', 'calories',
  'domain', 'host', 'ip', 'port', 'protocol', 'carrier', 'network', 'format', 'valid', 'verified', 'active',
  'enabled', 'available', 'primary', 'public', 'private', 'hash', 'checksum', 'signature', 'parent', 'child',
  'node', 'edge', 'path', 'route', 'distance', 'origin', 'destination', 'flight', 'airline', 'airport',
  'hotel', 'room', 'guest', 'booking', 'review', 'comment', 'post', 'likes', 'followers', 'views', 'share',
  'job', 'company', 'salary', 'skill', 'industry', 'vehicle', 'battery', 'charge', 'range', 'odometer',
  'charger', 'schedule', 'interval', 'capacity', 'energy', 'power', 'meter', 'reading', 'unit', 'factor',
] as const;

/** Verbs and nouns for endpoint names (`Get Weather Forecast`, `listInvoices`). */
export const ENDPOINT_VERBS = [
  'Get', 'List', 'Search', 'Create', 'Update', 'Delete', 'Fetch', 'Find', 'Check', 'Validate', 'Verify',
  'Send', 'Lookup', 'Convert', 'Generate', 'Download', 'Upload', 'Resolve', 'Translate', 'Detect', 'Analyze',
  'Extract', 'Parse', 'Calculate', 'Estimate', 'Schedule', 'Cancel', 'Retrieve', 'Subscribe', 'Track',
] as const;

export const ENDPOINT_NOUNS = [
  'User', 'Users', 'Profile', 'Message', 'Messages', 'Balance', 'Status', 'Details', 'Info', 'Price',
  'Prices', 'Quote', 'Quotes', 'Forecast', 'Weather', 'Location', 'Locations', 'Address', 'Country',
  'Countries', 'City', 'Cities', 'Currency', 'Rates', 'History', 'Stats', 'Statistics', 'Report', 'Reports',
  'Order', 'Orders', 'Invoice', 'Product', 'Products', 'Category', 'Categories', 'Review', 'Reviews',
  'Image', 'Images', 'Video', 'Videos', 'Track', 'Tracks', 'Playlist', 'Artist', 'Album', 'Movie',
  'Movies', 'Episode', 'Team', 'Teams', 'Player', 'Players', 'Match', 'Matches', 'League', 'Standings',
  'Odds', 'Fixtures', 'Flight', 'Flights', 'Airport', 'Hotel', 'Hotels', 'Booking', 'Job', 'Jobs',
  'Company', 'Domain', 'DNS Records', 'IP', 'Email', 'Phone Number', 'OTP', 'Token', 'Session', 'Webhook',
  'Webhooks', 'Subscription', 'Vehicle', 'Vehicles', 'Charger', 'Schedule', 'Recipe', 'Recipes',
  'Ingredients', 'News', 'Headlines', 'Article', 'Articles', 'Translation', 'Language', 'Sentiment',
  'Keywords', 'Entities', 'Summary', 'QR Code', 'Barcode', 'PDF', 'Screenshot', 'Timezone', 'Holidays',
] as const;

export const ENDPOINT_QUALIFIERS = [
  'by ID', 'by Name', 'by Country', 'by Date', 'by Category', 'Details', 'List', 'v2', 'for User',
  '(Paginated)', 'Batch', 'Bulk', 'Summary', 'Count', 'Latest', 'Top 10', 'Autocomplete', 'Search',
] as const;

/** Domains and decorations for API names (`Weather Forecast API`, `Crypto Tracker PRO`). */
export const API_DOMAINS = [
  'Weather', 'Crypto', 'Stock', 'Forex', 'Currency', 'Football', 'Soccer', 'Basketball', 'Cricket',
  'Tennis', 'Movie', 'Anime', 'Music', 'Lyrics', 'Podcast', 'News', 'Finance', 'Recipe', 'Food',
  'Nutrition', 'Fitness', 'Travel', 'Flight', 'Hotel', 'Booking', 'Real Estate', 'Job', 'Resume',
  'Email', 'SMS', 'Phone', 'WhatsApp', 'Telegram', 'Instagram', 'TikTok', 'YouTube', 'Twitter',
  'LinkedIn', 'Amazon', 'eBay', 'Shopify', 'Geo', 'IP', 'DNS', 'Domain', 'WHOIS', 'QR Code', 'Barcode',
  'PDF', 'Image', 'OCR', 'Translate', 'Language', 'Sentiment', 'Text', 'Spell Check', 'Grammar',
  'Face', 'Vehicle', 'VIN', 'Car', 'EV Charging', 'Energy', 'Solar', 'Carbon', 'Air Quality', 'Covid',
  'Health', 'Medical', 'Drug', 'Dictionary', 'Quotes', 'Jokes', 'Trivia', 'Horoscope', 'Lottery',
  'Betting', 'Odds', 'Sports', 'Esports', 'Game', 'Steam', 'NFT', 'Blockchain', 'Wallet', 'Payment',
  'Invoice', 'Tax', 'VAT', 'Company', 'Address', 'Postal Code', 'Timezone', 'Holiday', 'Calendar',
] as const;

export const API_NOUNS = [
  'API', 'Data', 'Service', 'Hub', 'Tracker', 'Checker', 'Validator', 'Lookup', 'Finder', 'Scraper',
  'Search', 'Info', 'Feed', 'Gateway', 'Toolkit', 'Converter', 'Generator', 'Analyzer', 'Monitor', 'Live',
] as const;

export const API_SUFFIXES = [
  'PRO', 'Free', 'v2', 'v3', 'Lite', 'Plus', 'Premium', '2.0', 'Basic', 'Advanced', 'Unofficial',
  'Real-Time', 'Global', 'by Apiworks', "Dev's Edition", '- Fast', '/ Bulk',
] as const;

export const DESCRIPTION_OPENINGS = [
  'Get real-time {domain} data from a single endpoint.',
  'The fastest and most reliable {domain} API on the market.',
  'Access accurate {domain} information for your apps and websites.',
  'A simple REST API to query {domain} records worldwide.',
  'Unlock {domain} insights with one request.',
  '{name} provides {domain} lookups, search and history.',
  'Official {domain} API for developers.',
  'Scrape, normalise and serve {domain} data as clean JSON.',
] as const;

export const DESCRIPTION_SENTENCES = [
  'Responses are JSON and cached for 60 seconds.',
  'Coverage includes more than 200 countries and territories.',
  'Supports pagination, filtering and sorting on every list endpoint.',
  'Ideal for dashboards, chatbots and mobile apps.',
  'All timestamps are UTC in ISO 8601 format.',
  'Free plan includes 500 requests per month.',
  'Data is updated every 5 minutes from trusted sources.',
  'Contact us for enterprise volumes and custom fields.',
  'Rate limits apply per API key.',
  'Uptime 99.9% backed by a global CDN.',
  'Errors follow a consistent JSON format with a message and a code.',
  'Webhooks notify you when a resource changes.',
] as const;

export const ENDPOINT_DESCRIPTIONS = [
  'Returns the {noun} for the given parameters.',
  'Use this endpoint to {verb} {noun}.',
  '{verb} {noun} and return the result as JSON.',
  'This endpoint will {verb} the {noun} identified by the path parameter.',
  'Retrieve a paginated list of {noun}. Use page and limit to navigate.',
  '{verb} {noun}. Requires a valid API key in the X-RapidAPI-Key header.',
  'Get detailed {noun} including metadata, timestamps and related resources.',
] as const;

/** Longer free text for OpenAPI descriptions and long string values. */
export const SENTENCE_WORDS = [
  'the', 'a', 'of', 'to', 'for', 'and', 'or', 'with', 'when', 'this', 'value', 'field', 'request', 'returned',
  'current', 'latest', 'optional', 'unique', 'identifier', 'timestamp', 'vendor', 'user', 'resource',
  'is', 'will', 'be', 'set', 'only', 'if', 'not', 'available', 'otherwise', 'null', 'empty', 'in', 'UTC',
  'seconds', 'minutes', 'percent', 'state', 'last', 'updated', 'by', 'system', 'based', 'on', 'data',
] as const;

export const FIRST_NAMES = ['Ana', 'Ben', 'Chen', 'Dana', 'Elif', 'Femi', 'Gita', 'Hugo', 'Ines', 'Jamal', 'Kai', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya', 'Sven', 'Yuki', 'José', 'Zoë'] as const;
export const LAST_NAMES = ['Smith', 'García', 'Müller', 'Rossi', 'Kim', 'Nguyen', 'Okafor', 'Silva', 'Novak', 'Dubois', 'Larsen', 'Patel'] as const;
export const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'AE', 'IN', 'BR', 'JP', 'NG', 'UY', 'CA', 'AU', 'ES', 'IT', 'NL', 'SE'] as const;
export const TLDS = ['com', 'io', 'net', 'org', 'dev', 'co'] as const;

/**
 * Small closed sets of string values. A value from one of them varies only within its set, so an
 * OpenAPI schema can declare the set as an `enum` and every example still matches it. The sets
 * must not share a value, or a variation could wander from one set into another.
 */
export const ENUM_GROUPS: readonly (readonly string[])[] = [
  ['active', 'inactive', 'pending', 'suspended'],
  ['OPEN', 'CLOSED', 'PENDING', 'EXPIRED'],
  ['accepted', 'rejected', 'queued', 'delivered', 'failed'],
  ['mobile', 'landline', 'voip', 'toll_free'],
  ['USD', 'EUR', 'GBP', 'JPY', 'INR', 'AED'],
  ['ALIGNED', 'MISALIGNED', 'OVERRIDDEN', 'INACTIVE'],
  ['GET', 'POST', 'PUT', 'DELETE'],
  ['low', 'medium', 'high', 'critical'],
  ['success', 'error', 'warning'],
  ['HEAT', 'COOL', 'AUTO', 'OFF'],
  ['vehicle', 'charger', 'hvac', 'inverter'],
];

/** Summaries (the example's label), by the kind of response; `null` is the dataset's missing label. */
export const SUCCESS_SUMMARIES: readonly (readonly [string | null, number])[] = [
  ['Success Response', 20], ['Response', 22], ['New Example', 16], [null, 14], ['Example', 4], ['Success', 4],
  ['SuccessResponse', 2], ['JsonResponse', 2], ['Example_1', 2], ['OK', 3], ['200 OK', 1], ['Sample Response', 2],
];

export const ERROR_SUMMARIES: Record<string, readonly (readonly [string | null, number])[]> = {
  validation: [['Validation Error', 45], ['New Example', 15], [null, 20], ['Example_1', 5], ['Error', 10], ['Unprocessable Entity', 5]],
  unauthorized: [['Unauthorized', 50], ['New Example', 15], [null, 20], ['Error', 10], ['Invalid API key', 5]],
  forbidden: [['Forbidden', 40], ['New Example', 20], [null, 25], ['Error', 15]],
  notFound: [['Not Found', 45], ['New Example', 15], [null, 20], ['Error', 10], ['Resource not found', 10]],
  badRequest: [['Bad Request', 35], ['New Example', 20], [null, 20], ['Error', 15], ['Invalid parameters', 10]],
  server: [['Internal Server Error', 40], ['Error', 20], [null, 25], ['New Example', 15]],
  rateLimit: [['Too Many Requests', 50], ['Rate limit exceeded', 20], [null, 20], ['Error', 10]],
  payment: [['Payment Required', 40], ['Validation Error', 20], [null, 20], ['New Example', 20]],
  conflict: [['Conflict', 50], [null, 30], ['Error', 20]],
  odd: [['New Example', 50], [null, 30], ['Error', 20]],
};

/** Messages for error bodies, by kind. */
export const ERROR_MESSAGES: Record<string, readonly string[]> = {
  validation: ['field required', 'value is not a valid integer', 'ensure this value has at least 3 characters', 'Invalid phone number format', 'The given data was invalid.'],
  unauthorized: ['Invalid API key. Go to https://docs.rapidapi.com/docs/keys for more info.', 'Access token signature verification failed', 'Missing authentication token', 'Unauthorized'],
  forbidden: ['You are not subscribed to this API.', 'Access denied for this resource', 'Forbidden'],
  notFound: ['Not Found', 'Resource not found', 'No results found for the given query', 'Endpoint does not exist'],
  badRequest: ['Bad Request', 'Missing required parameter', 'Invalid date format, expected YYYY-MM-DD', 'Malformed request body'],
  server: ['Internal Server Error', 'Something went wrong, please try again later', 'Upstream service unavailable'],
  rateLimit: ['Too many requests', 'You have exceeded the rate limit per second for your plan', 'Quota exceeded'],
  payment: ['Insufficient balance', 'Payment required to access this endpoint', 'Your plan does not include this feature'],
  conflict: ['Resource already exists', 'Duplicate request', 'Version conflict'],
  odd: ['value', 'unknown', 'see documentation'],
};
