import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.js';
import { createSubgraphFetcher, SubgraphCallError } from './subgraph-fetch.js';

/** Headers the gateway passes on to every subgraph call. */
const FORWARDED_HEADERS = ['authorization', 'x-purpose', 'x-request-id'];

/**
 * How the gateway calls one subgraph: forwards the caller's identity and request id,
 * gives up after `timeoutMs`, and reports failures as coded errors that name the
 * service, so one agency's outage never erases another agency's data from an answer.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Closes this source's kept-alive connections to its subgraph. */
  readonly close: () => void;

  constructor(
    readonly serviceName: string,
    url: string,
    private readonly timeoutMs: number,
  ) {
    super({ url });
    const timeout = this.timeoutMs;
    const name = this.serviceName;
    const call = createSubgraphFetcher({ timeoutMs: timeout });
    this.close = () => call.close();
    this.fetcher = async (input, init) => {
      try {
        return await call(input, init);
      } catch (error) {
        const timedOut = error instanceof SubgraphCallError && error.timedOut;
        throw new GraphQLError(
          timedOut
            ? `The ${name} service did not answer within ${timeout} ms; its data is missing from this answer.`
            : `The ${name} service could not be reached; its data is missing from this answer.`,
          { extensions: { code: timedOut ? 'SUBGRAPH_TIMEOUT' : 'SUBGRAPH_UNAVAILABLE', serviceName: name } },
        );
      }
    };
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const incoming = context?.headers;
    if (!incoming || !request.http) return;
    for (const header of FORWARDED_HEADERS) {
      const value = incoming[header];
      if (value) request.http.headers.set(header, value);
    }
  }

  /**
   * A subgraph answers bad input with HTTP 400 and a GraphQL body; keep its coded
   * error (BAD_USER_INPUT and the argument at fault) rather than a bare "400".
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const body = (await this.parseBody(response)) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    const first = typeof body === 'object' && Array.isArray(body?.errors) ? body.errors[0] : undefined;
    if (first) {
      // The gateway's error formatter decides what of this reaches the caller.
      return new GraphQLError(String(first.message), {
        extensions: { ...first.extensions, code: first.extensions?.code ?? 'SUBGRAPH_ERROR', serviceName: this.serviceName },
      });
    }
    return new GraphQLError(`The ${this.serviceName} service failed (HTTP ${response.status}).`, {
      extensions: { code: 'SUBGRAPH_ERROR', serviceName: this.serviceName, status: response.status },
    });
  }
}
