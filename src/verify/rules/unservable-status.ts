import type { RuleDefinition } from '../../rules/types.ts';

export const contractUnservableStatus: RuleDefinition = {
  id: 'contract/unservable-status',
  stage: 'contract',
  severity: 'warning',
  title: 'The status cannot carry the example over HTTP',
  why:
    'A 1xx status is interim (the client keeps waiting for the real answer) and 204/205/304 have ' +
    'no body, so no provider can send this example with this status. The interaction is kept in ' +
    'the contract as pending (it documents the catalogue row but cannot fail verification).',
  catalogueCase: 'FriendChatik Friendchat SMS documents its only response with status 130.',
};
