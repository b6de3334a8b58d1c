/**
 * The four benchmark clients, each built only from its own libraries (so a process that runs one client
 * loads only that client's code, which matters for the RSS figures):
 *   (a) plain axios with a keep-alive agent, maxRedirects 0 (as the module), a V1 token fetched once;
 *   (b) this module's services;
 *   (c) the official @portone/server-sdk (V2 only), with the same storeId on every call;
 *   (d) bare undici.request on a keep-alive Agent, the floor.
 * Every client sends the same requests (same paths, storeId, auth header scheme, JSON bodies).
 */
import 'reflect-metadata';

export type Call = () => Promise<unknown>;

export interface BenchTarget {
  readonly origin: string;
  readonly v1BaseUrl: string;
  readonly v2BaseUrl: string;
  readonly credentials: {
    readonly v1: { readonly apiKey: string; readonly apiSecret: string };
    readonly v2: { readonly apiSecret: string; readonly storeId: string };
    readonly channelKey: string;
  };
  /** A V1 certification and a V2 identity verification that exist on the target. */
  readonly impUid: string;
  readonly ivId: string;
}

export interface BenchClient {
  readonly v1Get?: Call;
  readonly v2Get: Call;
  /** POST /identity-verifications/{new id}/send */
  readonly v2Post: Call;
  close(): Promise<void>;
}

export type ClientKey = 'a' | 'b' | 'c' | 'd';
export const CLIENT_LABELS: Record<ClientKey, string> = {
  a: 'a plain axios',
  b: 'b nestjs-portone',
  c: 'c @portone/server-sdk',
  d: 'd bare undici.request',
};

/** Sockets per API host for every client that has a pool setting. */
export const POOL_SIZE = 64;

const CUSTOMER = {
  name: '벤치',
  phoneNumber: '01012345678',
  identityNumber: '9001011',
  ipAddress: '127.0.0.1',
};

let sequence = 0;
/** A fresh identity verification id per POST, unique across clients and processes. */
const newId = (client: ClientKey) =>
  `bench-${client}-${process.pid}-${Date.now().toString(36)}-${sequence++}`;

/** require() at the point of use, so that a process running one client loads only that client's libraries. */
function load<T>(id: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(id) as T;
}

export function buildClient(key: ClientKey, target: BenchTarget): Promise<BenchClient> {
  switch (key) {
    case 'a':
      return plainAxios(target);
    case 'b':
      return nestjsPortOne(target);
    case 'c':
      return officialSdk(target);
    case 'd':
      return bareUndici(target);
  }
}

function sendBody(target: BenchTarget) {
  return {
    storeId: target.credentials.v2.storeId,
    channelKey: target.credentials.channelKey,
    customer: CUSTOMER,
    operator: 'SKT',
    method: 'SMS',
  };
}

async function plainAxios(target: BenchTarget): Promise<BenchClient> {
  const { Agent } = load<typeof import('node:http')>('node:http');
  const axios = load<typeof import('axios')>('axios');
  // One keep-alive pool per API host, as the module has. Node's agent keeps idle sockets until the
  // server closes them, so no reconnects between rounds.
  const v1Agent = new Agent({ keepAlive: true, maxSockets: POOL_SIZE });
  const v2Agent = new Agent({ keepAlive: true, maxSockets: POOL_SIZE });
  const v1 = axios.create({ baseURL: target.v1BaseUrl, httpAgent: v1Agent, maxRedirects: 0 });
  const token = (
    await v1.post<{ response: { access_token: string } }>('/users/getToken', {
      imp_key: target.credentials.v1.apiKey,
      imp_secret: target.credentials.v1.apiSecret,
    })
  ).data.response.access_token;
  v1.defaults.headers.common.Authorization = `Bearer ${token}`;
  const v2 = axios.create({
    baseURL: target.v2BaseUrl,
    httpAgent: v2Agent,
    maxRedirects: 0,
    headers: { Authorization: `PortOne ${target.credentials.v2.apiSecret}` },
  });
  const storeId = target.credentials.v2.storeId;
  return {
    v1Get: () => v1.get(`/certifications/${target.impUid}`).then(r => r.data as unknown),
    v2Get: () =>
      v2.get(`/identity-verifications/${target.ivId}`, { params: { storeId } }).then(r => r.data as unknown),
    v2Post: () =>
      v2.post(`/identity-verifications/${newId('a')}/send`, sendBody(target)).then(r => r.data as unknown),
    close: () => {
      v1Agent.destroy();
      v2Agent.destroy();
      return Promise.resolve();
    },
  };
}

async function nestjsPortOne(target: BenchTarget): Promise<BenchClient> {
  const { Module } = load<typeof import('@nestjs/common')>('@nestjs/common');
  const { NestFactory } = load<typeof import('@nestjs/core')>('@nestjs/core');
  const { CertificationService, IdentityVerificationService, PortOneModule } =
    load<typeof import('../lib')>('../lib');
  @Module({
    imports: [
      PortOneModule.forRoot({
        v1: { ...target.credentials.v1, baseUrl: target.v1BaseUrl },
        v2: { ...target.credentials.v2, baseUrl: target.v2BaseUrl },
        maxSockets: POOL_SIZE,
      }),
    ],
  })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  const certifications = app.get(CertificationService);
  const identity = app.get(IdentityVerificationService);
  const { storeId: _storeId, ...dto } = sendBody(target);
  return {
    v1Get: () => certifications.get(target.impUid),
    v2Get: () => identity.get(target.ivId),
    v2Post: () => identity.send(newId('b'), dto as Parameters<typeof identity.send>[1]),
    close: () => app.close(),
  };
}

async function officialSdk(target: BenchTarget): Promise<BenchClient> {
  // The SDK is ESM-only in its type declarations; a dynamic import loads it from this CommonJS script.
  // It resolves paths against the origin, which the emulator (and the fixed server) also serve V2 on.
  const { PortOneClient } = await import('@portone/server-sdk');
  const storeId = target.credentials.v2.storeId;
  const sdk = PortOneClient({ secret: target.credentials.v2.apiSecret, baseUrl: target.origin, storeId });
  const { storeId: _storeId, ...body } = sendBody(target);
  return {
    // storeId given per call: the SDK's GET does not fall back to the client's storeId.
    v2Get: () =>
      sdk.identityVerification.getIdentityVerification({ identityVerificationId: target.ivId, storeId }),
    v2Post: () =>
      sdk.identityVerification.sendIdentityVerification({
        identityVerificationId: newId('c'),
        ...(body as Omit<
          Parameters<typeof sdk.identityVerification.sendIdentityVerification>[0],
          'identityVerificationId'
        >),
      }),
    close: () => Promise.resolve(),
  };
}

async function bareUndici(target: BenchTarget): Promise<BenchClient> {
  const { Agent, request } = load<typeof import('undici')>('undici');
  const dispatcher = new Agent({ connections: POOL_SIZE, keepAliveTimeout: 120_000 });
  const json = async (
    url: string,
    init: { method?: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
  ) => {
    const { statusCode, body } = await request(url, { dispatcher, ...init });
    const data = await body.json();
    if (statusCode >= 400) throw new Error(`HTTP ${statusCode}`);
    return data;
  };
  const tokenAnswer = (await json(`${target.v1BaseUrl}/users/getToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      imp_key: target.credentials.v1.apiKey,
      imp_secret: target.credentials.v1.apiSecret,
    }),
  })) as { response: { access_token: string } };
  const v1Headers = { authorization: `Bearer ${tokenAnswer.response.access_token}` };
  const v2Headers = {
    authorization: `PortOne ${target.credentials.v2.apiSecret}`,
    'content-type': 'application/json',
  };
  const storeId = encodeURIComponent(target.credentials.v2.storeId);
  return {
    v1Get: () => json(`${target.v1BaseUrl}/certifications/${target.impUid}`, { headers: v1Headers }),
    v2Get: () =>
      json(`${target.v2BaseUrl}/identity-verifications/${target.ivId}?storeId=${storeId}`, {
        headers: v2Headers,
      }),
    v2Post: () =>
      json(`${target.v2BaseUrl}/identity-verifications/${newId('d')}/send`, {
        method: 'POST',
        headers: v2Headers,
        body: JSON.stringify(sendBody(target)),
      }),
    close: () => dispatcher.close(),
  };
}
