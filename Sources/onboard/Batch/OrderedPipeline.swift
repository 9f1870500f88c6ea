import Foundation

/// Three stages over a list, run by `workers` threads at once: `prepare` of each item in
/// parallel, `assign` of the prepared items one after another in the list's order (never two at
/// once, by whichever worker is free), `finish` of the assigned items in parallel. The results
/// keep the list's order.
///
/// The same results as `items.map(prepare).map(assign).map(finish)` for any number of workers
/// when `prepare` and `finish` depend only on their item and whatever state `assign` changes is
/// changed by `assign` alone (each call sees every earlier item's assignment: the lock that hands
/// out the work orders them). A batch names people this way: the serial naming of one hire
/// overlaps the planning and rendering of others instead of leaving all but one core idle.
///
/// Work is taken in this order: the next items to assign (when nobody is assigning), an item to
/// finish, an item to prepare.
enum OrderedPipeline {
  static func run<S: Sendable, P: Sendable, A: Sendable, T: Sendable>(
    _ items: [S], workers: Int, prepare: @Sendable (S) -> P, assign: @Sendable (P) -> A,
    finish: @Sendable (A) -> T
  ) -> [T] {
    let state = PipelineState<P, A, T>(count: items.count)
    // One iteration runs on the calling thread.
    DispatchQueue.concurrentPerform(iterations: min(max(workers, 1), max(items.count, 1))) { _ in
      while let job = state.next() {
        switch job {
        case .prepare(let index): state.prepared(index, prepare(items[index]))
        case .assign(let first, let batch): state.assigned(from: first, batch.map(assign))
        case .finish(let index, let value): state.finished(index, finish(value))
        }
      }
    }
    return state.results
  }
}

/// The shared state of an `OrderedPipeline` run: what is prepared, assigned and finished, under
/// one condition lock.
private final class PipelineState<P, A, T>: @unchecked Sendable {
  enum Job {
    case prepare(Int)
    /// The prepared items from `first` on, to assign in this order.
    case assign(first: Int, [P])
    case finish(Int, A)
  }

  private let condition = NSCondition()
  private let count: Int
  private var prepared: [P?]
  private var assignedValues: [A?]
  private var outputs: [T?]
  private var nextPrepare = 0
  private var nextAssign = 0
  private var nextFinish = 0
  private var assigning = false

  init(count: Int) {
    self.count = count
    prepared = Array(repeating: nil, count: count)
    assignedValues = Array(repeating: nil, count: count)
    outputs = Array(repeating: nil, count: count)
  }

  /// The next job, waiting while others work on what it depends on; nil when every item is
  /// finished or being finished.
  func next() -> Job? {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if !assigning, nextAssign < count, prepared[nextAssign] != nil {
        var batch: [P] = []
        var index = nextAssign
        while index < count, let value = prepared[index] {
          batch.append(value)
          prepared[index] = nil
          index += 1
        }
        assigning = true
        return .assign(first: nextAssign, batch)
      }
      if nextFinish < nextAssign, let value = assignedValues[nextFinish] {
        assignedValues[nextFinish] = nil
        nextFinish += 1
        return .finish(nextFinish - 1, value)
      }
      if nextPrepare < count {
        nextPrepare += 1
        return .prepare(nextPrepare - 1)
      }
      if nextFinish == count { return nil }
      condition.wait()
    }
  }

  func prepared(_ index: Int, _ value: P) {
    condition.lock()
    prepared[index] = value
    condition.broadcast()
    condition.unlock()
  }

  func assigned(from first: Int, _ values: [A]) {
    condition.lock()
    for (offset, value) in values.enumerated() { assignedValues[first + offset] = value }
    nextAssign = first + values.count
    assigning = false
    condition.broadcast()
    condition.unlock()
  }

  func finished(_ index: Int, _ value: T) {
    condition.lock()
    outputs[index] = value
    condition.unlock()
  }

  /// The finished values in the list's order. Every one is set before the workers join (the run
  /// hands out work until every item is finished); a hole would be a bug here, so it stops the
  /// run instead of leaving a hire out of the outputs in silence.
  var results: [T] {
    condition.lock()
    defer { condition.unlock() }
    return outputs.enumerated().map { index, value in
      guard let value else {
        preconditionFailure("OrderedPipeline: item \(index) was not finished")
      }
      return value
    }
  }
}
