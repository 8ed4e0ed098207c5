// @stagebrug/figures — explicit exports only.
export {}
