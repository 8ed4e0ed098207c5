// @stagebrug/queue — explicit exports only.
export {}
