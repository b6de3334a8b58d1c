import type {
  AttemptResult,
  CallObservation,
  CallResult,
  ObservedCall,
  PortOneObserver,
  TokenFetchObservation,
  TokenFetchResult,
} from './call-observer';

/**
 * Fans every report out to several observers. `run` nests: the first observer's context wraps the second's.
 * @internal
 */
export class CompositeObserver implements PortOneObserver {
  constructor(private readonly observers: readonly PortOneObserver[]) {}

  callStarted(call: ObservedCall): CallObservation {
    return combine(this.observers.map(observer => observer.callStarted(call)));
  }

  tokenRequestStarted(request: ObservedCall): CallObservation {
    return combine(this.observers.map(observer => observer.tokenRequestStarted(request)));
  }

  tokenFetchStarted(): TokenFetchObservation {
    const observations = this.observers.map(observer => observer.tokenFetchStarted());
    return {
      run: fetch => nest(observations, fetch),
      ended: (result: TokenFetchResult) => observations.forEach(each => each.ended(result)),
    };
  }
}

function combine(observations: readonly CallObservation[]): CallObservation {
  return {
    run: call => nest(observations, call),
    attemptEnded: (result: AttemptResult) => observations.forEach(each => each.attemptEnded(result)),
    ended: (result: CallResult) => observations.forEach(each => each.ended(result)),
  };
}

function nest<T>(
  observations: readonly { run<R>(inner: () => Promise<R>): Promise<R> }[],
  inner: () => Promise<T>,
) {
  return observations.reduceRight<() => Promise<T>>((next, each) => () => each.run(next), inner)();
}
