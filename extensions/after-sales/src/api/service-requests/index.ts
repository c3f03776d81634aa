export { registerRequestHooks, notifyRequests, requestActorOf } from './register-request-hooks';
export { loadRequestFacts } from './load-request-facts';
export { applyRequestStep } from './apply-request-step';
