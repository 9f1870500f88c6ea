/// The shared fields of a copy-on-write value (`PlanItem`, `SkillAssessment`, `TrainingTopic`):
/// copies of the value hold one reference to this object instead of each of the fields' strings
/// and arrays, and a change copies the fields first when another value holds them
/// (`isKnownUniquelyReferenced`), so shared fields are never changed.
///
/// The fields are the header of a `ManagedBuffer`, read and written through its pointer: a
/// class's stored `var` (`ManagedBuffer.header` is one) is checked for exclusive access at run
/// time on every read of every field, which costs more than the copies it saves.
final class CopyOnWriteStorage<Fields>: ManagedBuffer<Fields, Never> {
  static func make(_ fields: Fields) -> CopyOnWriteStorage {
    unsafeDowncast(create(minimumCapacity: 0) { _ in fields }, to: CopyOnWriteStorage.self)
  }

  /// The header in place (its address is fixed while the object lives, and the object lives
  /// while a value holds it).
  var fields: Fields {
    @inline(__always) _read {
      let pointer = withUnsafeMutablePointerToHeader { $0 }
      yield pointer.pointee
    }
    @inline(__always) _modify {
      let pointer = withUnsafeMutablePointerToHeader { $0 }
      yield &pointer.pointee
    }
  }
}
