import { GraphQLClient } from 'graphql-request';

/** One GraphQL response, errors included (tests assert on them rather than catching). */
export interface GraphQLResult<TData> {
  status: number;
  data: TData | null | undefined;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A client for one endpoint that never throws on GraphQL errors. */
export class TestClient {
  readonly client: GraphQLClient;

  constructor(
    readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {
    this.client = new GraphQLClient(url, { headers });
  }

  /** Sends a query and returns data and errors as the server sent them. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of many shapes
  async query<TData = any>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResult<TData>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...this.headers, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: TData | null; errors?: GraphQLResult<TData>['errors'] };
    return { status: response.status, data: body.data, errors: body.errors };
  }

  /** Sends a query and returns its data, failing the test on any error. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  async data<TData = any>(query: string, variables?: Record<string, unknown>): Promise<TData> {
    const result = await this.query<TData>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as TData;
  }

  /** A client with extra headers on every request (identity, purpose). */
  with(headers: Record<string, string>): TestClient {
    return new TestClient(this.url, { ...this.headers, ...headers });
  }
}

