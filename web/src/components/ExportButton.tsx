import { FileExcelOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App, Button, type ButtonProps } from "antd";
import { useErrorText } from "../api/errorText";
import { downloadFile } from "../api/fileDownload";

/**
 * A spreadsheet export: downloads `url` with a spinner while the server builds it, and shows a refusal (an
 * export over its row limit, a lost connection) as an error message naming what to narrow; the message gets
 * the class `${className}-error`. Other props (a Tooltip's handlers among them) go to the button.
 */
export function ExportButton({
  url,
  fallbackName,
  className,
  ...button
}: Omit<ButtonProps, "href" | "onClick" | "loading"> & {
  url: string;
  fallbackName: string;
  className: string;
}) {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const exporter = useMutation({
    mutationFn: () => downloadFile(url, fallbackName),
    onError: (error) =>
      void message.open({
        type: "error",
        content: errorText(error),
        className: `${className}-error`,
        duration: 8,
      }),
  });
  return (
    <Button
      icon={<FileExcelOutlined />}
      {...button}
      className={className}
      // what it would download, for a look in the inspector (and the browser tests)
      data-export-url={url}
      loading={exporter.isPending}
      onClick={() => exporter.mutate()}
    />
  );
}
