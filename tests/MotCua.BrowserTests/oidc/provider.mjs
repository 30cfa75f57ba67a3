// A real OpenID Connect provider for the sign-in tests, playing the part of VNeID on a loopback port.
// The development login form accepts any account id; the tests use a 12-digit personal ID as the id,
// and the provider answers with the verified claims name and pid for it.
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const redirectUri = process.env.OIDC_REDIRECT_URI;
const names = { '001190012345': 'Nguyễn Thị Lan', '079203004567': 'Trần Văn Bình' };

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: 'motcua',
    client_secret: 'motcua-test-secret',
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: { openid: ['sub'], profile: ['name', 'pid'] },
  async findAccount(ctx, id) {
    return { accountId: id, async claims() { return { sub: id, name: names[id] ?? `Công dân ${id}`, pid: id }; } };
  },
  cookies: { keys: ['motcua-test-cookie-key'] },
  features: { devInteractions: { enabled: true } },
  ttl: { AuthorizationCode: 60 },
});
provider.proxy = false;
provider.listen(port, '127.0.0.1', () => console.log(`ready ${port}`));
