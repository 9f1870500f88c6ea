/// Items as an English list: "a", "a and b", "a, b and c" (empty for none).
func listText(_ items: [String]) -> String {
  guard let last = items.last else { return "" }
  return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
}
