-- End-to-end test of `copydesk lsp` with Neovim's built-in LSP client.
--
-- Environment: COPYDESK_EXE (the binary), WORK_DIR (an empty folder), SOURCE_DIR (this
-- folder), ENCODING ("utf-16": the client offers nothing and gets the default; "utf-8": the
-- client offers UTF-8 and the server must choose it).
--
-- Opens article.txt, waits for the diagnostics, checks their positions as Neovim places them
-- in the buffer, applies two code actions (a rule's fix and a spelling suggestion), types a
-- new sentence (incremental sync), and compares the buffer with expected.txt. Exits 0 on
-- success, 1 with the reasons on stderr.

local exe = assert(os.getenv('COPYDESK_EXE'), 'COPYDESK_EXE')
local work = assert(os.getenv('WORK_DIR'), 'WORK_DIR')
local source = assert(os.getenv('SOURCE_DIR'), 'SOURCE_DIR')
local encoding = os.getenv('ENCODING') or 'utf-16'

local failures = {}
local function check(cond, what)
  if not cond then table.insert(failures, what) end
end

local function read_lines(path)
  local lines = {}
  for line in io.lines(path) do table.insert(lines, line) end
  return lines
end

local function finish()
  if #failures == 0 then
    io.stdout:write('neovim end-to-end (' .. encoding .. '): ok\n')
    vim.cmd('qall!')
  else
    for _, f in ipairs(failures) do io.stderr:write('FAILED: ' .. f .. '\n') end
    vim.cmd('cquit 1')
  end
end

local function run()
  vim.fn.mkdir(work, 'p')
  local article = work .. '/article.txt'
  vim.fn.writefile(read_lines(source .. '/article.txt'), article)

  local capabilities = vim.lsp.protocol.make_client_capabilities()
  if encoding == 'utf-8' then
    capabilities.general = { positionEncodings = { 'utf-8', 'utf-16' } }
  end
  local server_exit
  local negotiated
  local client_id = vim.lsp.start_client({
    name = 'copydesk',
    cmd = { exe, 'lsp' },
    root_dir = work,
    capabilities = capabilities,
    on_init = function(client, result)
      negotiated = result.capabilities.positionEncoding
      -- Neovim 0.7 does not read positionEncoding itself.
      client.offset_encoding = negotiated
    end,
    on_exit = function(code) server_exit = code end,
  })
  check(client_id ~= nil, 'the client started')

  vim.cmd('edit ' .. vim.fn.fnameescape(article))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function diagnostics()
    local list = vim.diagnostic.get(bufnr)
    table.sort(list, function(a, b)
      if a.lnum ~= b.lnum then return a.lnum < b.lnum end
      return a.col < b.col
    end)
    return list
  end
  local function wait_for(pred, what)
    local ok = vim.wait(15000, pred, 20)
    check(ok, 'timed out waiting for ' .. what)
    return ok
  end
  -- Byte column (0-based) of `needle` on 0-based line `lnum` of the buffer.
  local function byte_col(lnum, needle)
    local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, true)[1]
    local at = line:find(needle, 1, true)
    return at and at - 1 or -1
  end

  if not wait_for(function() return #diagnostics() == 2 end, 'the first diagnostics') then
    return
  end
  check(negotiated == encoding, 'negotiated ' .. tostring(negotiated) .. ', want ' .. encoding)
  local d = diagnostics()
  check(d[1].code == 'repeated-word' and d[1].source == 'copydesk', 'first is repeated-word')
  check(d[1].lnum == 2 and d[1].col == byte_col(2, 'the the late'),
    'repeated-word at ' .. d[1].lnum .. ':' .. d[1].col)
  check(d[1].severity == vim.diagnostic.severity.WARN, 'warning severity')
  check(d[2].code == 'spelling', 'second is spelling')
  -- The line has curly quotes and an astral emoji before the word: only a correct position
  -- encoding lands on the word.
  check(d[2].lnum == 4 and d[2].col == byte_col(4, 'recieved'),
    'spelling at ' .. d[2].lnum .. ':' .. d[2].col .. ', want 4:' .. byte_col(4, 'recieved'))
  check(d[2].end_col == byte_col(4, 'recieved') + #'recieved', 'spelling end column')

  local client = vim.lsp.get_client_by_id(client_id)
  local function actions_for(diag)
    local params = vim.lsp.util.make_given_range_params(
      { diag.lnum + 1, diag.col }, { diag.end_lnum + 1, diag.end_col }, bufnr,
      client.offset_encoding)
    params.context = { diagnostics = {} }
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
    local response = responses and responses[client_id]
    check(response and response.result, 'a code action response')
    return response and response.result or {}
  end
  local function apply(actions, title)
    for _, action in ipairs(actions) do
      if action.title == title then
        vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
        return true
      end
    end
    local titles = {}
    for _, a in ipairs(actions) do table.insert(titles, a.title) end
    check(false, 'no action "' .. title .. '" among: ' .. table.concat(titles, ' | '))
    return false
  end

  -- The rule's fix.
  local fix_actions = actions_for(d[1])
  check(fix_actions[1] and fix_actions[1].isPreferred == true, 'the safe fix is preferred')
  apply(fix_actions, "Delete the repeated 'the'")
  if not wait_for(function()
        local now = diagnostics()
        return #now == 1 and now[1].code == 'spelling'
      end, 'diagnostics after the fix') then
    return
  end

  -- A spelling suggestion, on the diagnostics of the edited text.
  apply(actions_for(diagnostics()[1]), "Replace with 'received'")
  if not wait_for(function() return #diagnostics() == 0 end, 'no diagnostics after the fixes') then
    return
  end

  -- Typing at the end of the last line: an incremental change with an astral character.
  local last = vim.api.nvim_buf_line_count(bufnr) - 1
  local len = #vim.api.nvim_buf_get_lines(bufnr, last, last + 1, true)[1]
  vim.api.nvim_buf_set_text(bufnr, last, len, last, len, { ' Tickets cost 😀 £3 mroe.' })
  if wait_for(function() return #diagnostics() == 1 end, 'a diagnostic for the typed typo') then
    local typed = diagnostics()[1]
    check(typed.code == 'spelling' and typed.lnum == last and typed.col == byte_col(last, 'mroe'),
      'typed typo at ' .. typed.lnum .. ':' .. typed.col)
  end

  local got = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)
  local want = read_lines(source .. '/expected.txt')
  check(vim.deep_equal(got, want),
    'buffer differs from expected.txt:\n' .. table.concat(got, '\n'))

  vim.lsp.stop_client(client_id)
  wait_for(function() return server_exit ~= nil end, 'the server to exit')
  check(server_exit == 0, 'server exit code ' .. tostring(server_exit) .. ' after shutdown/exit')
end

local ok, err = pcall(run)
if not ok then check(false, 'error: ' .. tostring(err)) end
finish()
