export { loyaltyClientContext } from './context.ts';
export { setSharedClient, getSharedClient, onSharedClientChange } from './shared-client.ts';
export { LoyaltyClientController, type ClientSource } from './client-controller.ts';
export { ClientChangesController } from './client-changes-controller.ts';
