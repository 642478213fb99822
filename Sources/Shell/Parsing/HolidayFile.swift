import Foundation
import Planner
import PlannerStore

/// Reads a holiday-cn JSON file, with errors that name the file and what is wrong in it.
enum HolidayFile {
    static func read(_ url: URL, shownAs path: String) throws -> HolidayNotice {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ShellError(L("cannot read \(path): no such file or not readable", "无法读取 \(path)：文件不存在或不可读"))
        }
        do {
            return try JSONDecoder().decode(HolidayNotice.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw ShellError(
                L(
                    "\(path) is not a holiday notice: \(context.debugDescription)",
                    "\(path) 不是节假日安排文件：\(context.debugDescription)"))
        } catch let DecodingError.keyNotFound(key, _) {
            throw ShellError(L("\(path) lacks \"\(key.stringValue)\"", "\(path) 缺少 \"\(key.stringValue)\""))
        } catch {
            throw ShellError(
                L("\(path) is not a holiday notice in holiday-cn JSON form", "\(path) 不是 holiday-cn JSON 格式的节假日安排"))
        }
    }
}
