/**
 * DEMO ONLY — NEVER REGISTER THIS KEY WITH A REAL GATEWAY.
 *
 * The SM2 key pair the embedded sandbox's `oauth-sm` gateway (and `npm run sandbox -- --profile
 * oauth-sm`) accepts, and the kiosk signs with when it talks to that sandbox. It is public, like
 * the sandbox's TIF secret and OAuth client (README.md "Gateway profiles"): it proves nothing
 * about anyone. A region issues or registers the kiosk's real key, which is kept in the secret
 * store (build/INSTALL.md §11) and never in this repository.
 *
 * Made once with Node's OpenSSL (`generateKeyPairSync('ec', { namedCurve: 'SM2' })`): `d` as 64
 * hex digits, the public point as 04‖x‖y.
 */
export const DEMO_ONLY_SM2_KEY_PAIR = {
  privateKeyHex: '62e76524006de7bc6cbe850c0782419638530b0f688a9b1958e854c47a8937b1',
  publicKeyHex:
    '04872cacd36372a82897469cfb087e84bcd6f29ca2f762ca422e6f1b78a323dc34edf1e7f631ff3992fc73af4a722d63b9292900d1b7652ae4469c1d31ec07b83d',
} as const;
