export * from "./users";
export * from "./forum";
export * from "./settings";
export * from "./posts-extra";
