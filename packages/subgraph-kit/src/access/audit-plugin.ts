import type { ApolloServerPlugin } from '@apollo/server';
import type { SubgraphContext } from '../context.js';

/**
 * Writes the request's personal-data reads before the answer is sent. If they cannot
 * be written, the answer is withheld: no read of a child's data goes unrecorded.
 */
export const auditPlugin: ApolloServerPlugin<SubgraphContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!contextValue?.audit || contextValue.audit.size === 0) return;
        try {
          await contextValue.audit.flush(contextValue.db);
        } catch (error) {
          contextValue.logger.error({ err: error }, 'could not write the access audit; answer withheld');
          if (response.body.kind === 'single') {
            response.body.singleResult = {
              errors: [{ message: 'The answer was withheld because this access could not be recorded.', extensions: { code: 'AUDIT_UNAVAILABLE' } }],
            };
          }
        }
      },
    };
  },
};
