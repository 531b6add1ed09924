export const PRIORITY_COLORS: Record<string, string> = {
  urgent: "red",
  important: "orange",
  normal: "default",
};

export function stageColor(stage: string): string {
  if (stage === "closed") return "green";
  if (stage === "rejected" || stage === "merged") return "default";
  if (stage === "reported" || stage === "accepted") return "blue";
  if (stage === "verifying" || stage === "verified" || stage === "feedback_given") return "cyan";
  return "processing";
}
