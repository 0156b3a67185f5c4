"""The command line's own words (issue 14): what Typer and Click print around the help and the
usage errors, in Vietnamese and English. Keys start with `usage.`."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "usage.usage": ("Cách dùng: ", "Usage: "),
    "usage.panel_arguments": ("Tham số", "Arguments"),
    "usage.panel_options": ("Tuỳ chọn", "Options"),
    "usage.panel_commands": ("Lệnh", "Commands"),
    "usage.panel_error": ("Lỗi", "Error"),
    "usage.default": ("[mặc định: {}]", "[default: {}]"),
    "usage.envvar": ("[biến môi trường: {}]", "[env var: {}]"),
    "usage.required": ("[bắt buộc]", "[required]"),
    "usage.aborted": ("Đã huỷ.", "Aborted."),
    "usage.try_help": (
        "Xem [blue]'{command_path} {help_option}'[/] để biết cách dùng.",
        "Try [blue]'{command_path} {help_option}'[/] for help.",
    ),
    "usage.help_option": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    "usage.type_text": ("<chữ>", "<text>"),
    "usage.type_texts": ("<chữ>…", "<text>…"),
    "usage.type_file": ("<tệp>", "<file>"),
    "usage.type_path": ("<đường dẫn>", "<path>"),
    "usage.type_number": ("<số>", "<number>"),
    "usage.invalid_for": ("Giá trị không hợp lệ cho {hint}: ", "Invalid value for {hint}: "),
    "usage.invalid": ("Giá trị không hợp lệ: ", "Invalid value: "),
    "usage.no_option": ("Không có tuỳ chọn {name}.{hint}", "No such option: {name}.{hint}"),
    "usage.did_you_mean": (" Có phải ý bạn là {hint}?", " Did you mean {hint}?"),
    "usage.missing_argument": ("Thiếu tham số {name}.", "Missing argument {name}."),
    "usage.missing_option": ("Thiếu tuỳ chọn {name}.", "Missing option {name}."),
    "usage.needs_value": ("Tuỳ chọn {name} cần một giá trị.", "Option {name} needs a value."),
    "usage.extra_argument": ("Thừa tham số: {name}.", "Unexpected extra argument: {name}."),
    "usage.no_command": ("Không có lệnh '{name}'.{hint}", "No such command '{name}'.{hint}"),
    "usage.not_a_choice": (
        "'{value}' không phải một trong {choices}.",
        "'{value}' is not one of {choices}.",
    ),
    "usage.not_a_number": ("'{value}' không phải một số.", "'{value}' is not a number."),
    "usage.not_a_number_here": ("cần một số.", "a number is expected."),
    "usage.at_most": ("cần một số không lớn hơn {value}.", "must be at most {value}."),
    "usage.at_least": ("cần một số không nhỏ hơn {value}.", "must be at least {value}."),
    "usage.out_of_range": ("{value} nằm ngoài khoảng {choices}.", "{value} is outside {choices}."),
    "usage.no_such_path": ("'{value}' không tồn tại.", "'{value}' does not exist."),
    "usage.is_a_folder": (
        "'{value}' là thư mục, cần một tệp.",
        "'{value}' is a folder, not a file.",
    ),
}
